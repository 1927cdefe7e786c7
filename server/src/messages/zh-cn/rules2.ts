import type { enRules2 } from '../en/rules2';

export const zhCnRules2: Record<keyof typeof enRules2, string> = {
};
