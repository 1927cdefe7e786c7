import type { enCli } from '../en/cli';

export const zhCnCli: Record<keyof typeof enCli, string> = {
};
