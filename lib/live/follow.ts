// Where a follower's reader opens the presenter's paper: at the presenter's page, following.
export const readerFollowPath = (meetingId: string, documentId: string, page: number) =>
  `/meetings/${encodeURIComponent(meetingId)}/papers/${encodeURIComponent(documentId)}?page=${page}&follow=1`;
