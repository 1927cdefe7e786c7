import type { enYaml } from '../en/yaml';

// “块”/“流式” (block/flow style), “纯量”, “锚点”, “别名”, “标签” (tag) as the YAML 1.2 specification's Chinese readers use them.
export const zhCnYaml: Record<keyof typeof enYaml, string> = {
  'yaml.ALIAS_PROPS': '别名不能带锚点或标签（解析器原文：“{message}”）',
  'yaml.BAD_ALIAS': '别名无效（解析器原文：“{message}”）',
  'yaml.BAD_DIRECTIVE': '指令无效（解析器原文：“{message}”）',
  'yaml.BAD_DQ_ESCAPE': '双引号字符串中的转义序列无效（解析器原文：“{message}”）',
  'yaml.BAD_INDENT': '缩进不正确（解析器原文：“{message}”）',
  'yaml.BAD_PROP_ORDER': '锚点和标签必须写在值之前（解析器原文：“{message}”）',
  'yaml.BAD_SCALAR_START': '纯量不能以这个字符开头（解析器原文：“{message}”）',
  'yaml.BLOCK_AS_IMPLICIT_KEY': '块集合不能用作隐式键（解析器原文：“{message}”）',
  'yaml.BLOCK_IN_FLOW': '流式集合（[ ] 或 { }）中不能写块集合（解析器原文：“{message}”）',
  'yaml.IMPOSSIBLE': '解析器无法继续（解析器原文：“{message}”）',
  'yaml.KEY_OVER_1024_CHARS': '隐式键超过 1024 个字符（解析器原文：“{message}”）',
  'yaml.MISSING_CHAR': '缺少字符，例如结束的引号、括号或冒号（解析器原文：“{message}”）',
  'yaml.MULTILINE_IMPLICIT_KEY': '隐式键不能跨越多行（解析器原文：“{message}”）',
  'yaml.MULTIPLE_ANCHORS': '一个节点只能有一个锚点（解析器原文：“{message}”）',
  'yaml.MULTIPLE_DOCS': '此处只能有一个文档（解析器原文：“{message}”）',
  'yaml.MULTIPLE_TAGS': '一个节点只能有一个标签（解析器原文：“{message}”）',
  'yaml.NON_STRING_KEY': '键必须是字符串（解析器原文：“{message}”）',
  'yaml.TAB_AS_INDENT': '不能用制表符缩进（解析器原文：“{message}”）',
  'yaml.TAG_RESOLVE_FAILED': '无法解析此标签（解析器原文：“{message}”）',
  'yaml.UNEXPECTED_TOKEN': '此处出现了意外的内容（解析器原文：“{message}”）',
  'yaml.BAD_COLLECTION_TYPE': '集合的类型与其标签不符（解析器原文：“{message}”）',
};
