-- The bot's own state for one or more replicas (see src/storage/postgres.ts).
-- Sessions: kind 'user' keyed by user id, kind 'chat' keyed by "chatId:userId".
CREATE TABLE sessions (
  kind text NOT NULL CHECK (kind IN ('user', 'chat')),
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key)
);
CREATE INDEX sessions_updated_at ON sessions (updated_at);

-- Questions the bot could not answer well; no user id is kept with them.
CREATE TABLE unanswered (
  key text PRIMARY KEY,
  text text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('zh', 'en')),
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  low_confidence boolean NOT NULL
);
CREATE INDEX unanswered_recent ON unanswered (last_seen DESC, count DESC);

CREATE TABLE entry_counters (
  entry_id text PRIMARY KEY,
  answered integer NOT NULL DEFAULT 0,
  helpful integer NOT NULL DEFAULT 0,
  unhelpful integer NOT NULL DEFAULT 0
);

-- day is YYYY-MM-DD as text: the day the bot counted it in, never shifted by a time zone.
CREATE TABLE day_counters (
  day text PRIMARY KEY CHECK (day ~ '^\d{4}-\d{2}-\d{2}$'),
  questions integer NOT NULL DEFAULT 0,
  matched integer NOT NULL DEFAULT 0
);

-- A salted hash of user and entry: a vote counts once, and nobody can tell who voted.
CREATE TABLE votes (
  key text PRIMARY KEY,
  vote text NOT NULL CHECK (vote IN ('up', 'down'))
);

-- Per-user message windows for the rate limit, shared by all replicas.
CREATE TABLE message_windows (
  user_id bigint PRIMARY KEY,
  window_start bigint NOT NULL,
  count integer NOT NULL
);

-- update_ids being handled (owner = the handling replica's presence connection) or handled.
CREATE TABLE recent_updates (
  update_id bigint PRIMARY KEY,
  done boolean NOT NULL DEFAULT false,
  owner integer,
  claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recent_updates_claimed_at ON recent_updates (claimed_at);

CREATE TABLE settings (
  name text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO settings (name, value) VALUES ('vote_salt', md5(random()::text || clock_timestamp()::text));
