// The application vocabulary, free of any framework: the API enforces it and the web app (web/) imports
// this same file to offer only what the API will accept.

export const APPLICATION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A decision is final: only a pending application may be approved or refused (409 otherwise). */
export const OPEN_STATUS: ApplicationStatus = 'pending';
