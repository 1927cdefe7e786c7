// The words users read, in their language (issue 22). The lowest layer: it imports nothing of
// ours, so that the simulator (whose warnings and notes the preview page shows) can word its
// text here too, and the page, which sees only the protocol and the simulator, can share it.
// en/*.ts is the source of truth; zh-cn/*.ts has the same ids (test/unit/messages.test.ts).
export { currentLocale, fill, isMessageId, listOf, messageOf, placeholdersOf, sentences, setLocale, t, tIn, type ParamsOf, type Placeholders } from './format';
export { localeFromEnvironment, localeOf, locales, type Locale } from './locale';
export type { MessageId } from './catalog';
