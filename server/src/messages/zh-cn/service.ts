import type { enService } from '../en/service';

export const zhCnService: Record<keyof typeof enService, string> = {
};
