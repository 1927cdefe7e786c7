import { enRules1 } from './en/rules1';
import { enRules2 } from './en/rules2';
import { enService } from './en/service';
import { enSimulator } from './en/simulator';
import { enCli } from './en/cli';
import { enYaml } from './en/yaml';
import type { Locale } from './locale';
import { zhCnRules1 } from './zh-cn/rules1';
import { zhCnRules2 } from './zh-cn/rules2';
import { zhCnService } from './zh-cn/service';
import { zhCnSimulator } from './zh-cn/simulator';
import { zhCnCli } from './zh-cn/cli';
import { zhCnYaml } from './zh-cn/yaml';

/** Every message, in English: the source of truth (the ids, and the placeholders each one takes). */
export const en = { ...enRules1, ...enRules2, ...enService, ...enSimulator, ...enCli, ...enYaml } as const;
export type En = typeof en;
export type MessageId = keyof En;

/** The Simplified Chinese text of every id: a missing id fails the type check and the catalog test. */
export const zhCn: Record<MessageId, string> = { ...zhCnRules1, ...zhCnRules2, ...zhCnService, ...zhCnSimulator, ...zhCnCli, ...zhCnYaml };

export const catalogs: Record<Locale, Readonly<Record<MessageId, string>>> = { 'en': en, 'zh-cn': zhCn };
