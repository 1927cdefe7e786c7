/** Words in English (ids: area.what; {name} is a placeholder). */
export const enRules2 = {
} as const;
