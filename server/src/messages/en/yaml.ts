/**
 * The yaml library's syntax errors, by its error code. English shows the library's own message as
 * it is (so these are all `{message}`); Chinese says what the code means and quotes the message,
 * which names the character or token the library stopped at. DUPLICATE_KEY and
 * RESOURCE_EXHAUSTION have sentences of ours (parse.duplicateKey, parse.tooDeep).
 */
export const enYaml = {
  'yaml.ALIAS_PROPS': '{message}',
  'yaml.BAD_ALIAS': '{message}',
  'yaml.BAD_DIRECTIVE': '{message}',
  'yaml.BAD_DQ_ESCAPE': '{message}',
  'yaml.BAD_INDENT': '{message}',
  'yaml.BAD_PROP_ORDER': '{message}',
  'yaml.BAD_SCALAR_START': '{message}',
  'yaml.BLOCK_AS_IMPLICIT_KEY': '{message}',
  'yaml.BLOCK_IN_FLOW': '{message}',
  'yaml.IMPOSSIBLE': '{message}',
  'yaml.KEY_OVER_1024_CHARS': '{message}',
  'yaml.MISSING_CHAR': '{message}',
  'yaml.MULTILINE_IMPLICIT_KEY': '{message}',
  'yaml.MULTIPLE_ANCHORS': '{message}',
  'yaml.MULTIPLE_DOCS': '{message}',
  'yaml.MULTIPLE_TAGS': '{message}',
  'yaml.NON_STRING_KEY': '{message}',
  'yaml.TAB_AS_INDENT': '{message}',
  'yaml.TAG_RESOLVE_FAILED': '{message}',
  'yaml.UNEXPECTED_TOKEN': '{message}',
  'yaml.BAD_COLLECTION_TYPE': '{message}',
} as const;
