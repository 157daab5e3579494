// What a meeting request may ask of the batch scheduler, free of any framework: the API validates it and the
// web app (web/) imports this same file for its choices.

/** When a request may be placed by the batch scheduler: the morning's slots, the afternoon's, or any. */
export const MEETING_WINDOWS = ['any', 'morning', 'afternoon'] as const;
export type MeetingWindow = (typeof MEETING_WINDOWS)[number];

/** 0 normal, 1 important, 2 essential: the batch scheduler places weightier requests first. */
export const MAX_PRIORITY = 2;
