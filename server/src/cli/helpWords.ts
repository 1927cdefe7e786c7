import { messageOf, type MessageId } from '../messages';
import { en } from '../messages/catalog';

// The words of `sts help` in the reader's language. commands.ts keeps each command's English (what
// parseArgs and the tests read); the catalog holds the same English under ids derived from the
// command and the flag, and its Chinese (test/unit/messages.test.ts holds the two Englishes equal).
// An option whose help is the same in every command has one id: help.option.<flag>.

function known(id: string): id is MessageId {
  return Object.hasOwn(en, id);
}

function worded(id: string, english: string): string {
  return known(id) ? messageOf(id) : english;
}

/** A command as its help shows it (commands.ts's CommandSpec; named here without importing it, which would be a cycle). */
interface Described {
  name: string;
  summary: string;
  details: readonly string[];
}

export function summaryOf(command: Described): string {
  return worded(`help.${command.name}.summary`, command.summary);
}

export function detailsOf(command: Described): readonly string[] {
  return command.details.length === 0 ? [] : worded(`help.${command.name}.details`, command.details.join('\n')).split('\n');
}

export function optionHelpOf(command: Described, option: { flag: string; help: string }): string {
  const flag = option.flag.replace(/^-+/, '');
  return known(`help.${command.name}.option.${flag}`) ? worded(`help.${command.name}.option.${flag}`, option.help) : worded(`help.option.${flag}`, option.help);
}
