import type { enSimulator } from '../en/simulator';

export const zhCnSimulator: Record<keyof typeof enSimulator, string> = {
};
