-- Whether a deputy attending for a member casts the member's ballot (off by default: the Government's working regulation).
ALTER TABLE "MeetingLive" ADD COLUMN "deputiesVote" BOOLEAN NOT NULL DEFAULT false;
