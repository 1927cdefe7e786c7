/** Words in English (ids: area.what; {name} is a placeholder). */
export const enService = {
} as const;
