-- Staff handoff, country subscriptions and broadcasts (see src/storage/support-postgres.ts).

-- Users who wrote to the bot in private: the audience of a broadcast.
CREATE TABLE known_users (
  user_id bigint PRIMARY KEY,
  first_seen timestamptz NOT NULL DEFAULT now()
);

-- One conversation with staff per user; topic_id is their forum topic in the staff chat, kept when it closes.
CREATE TABLE handoff_threads (
  user_id bigint PRIMARY KEY,
  chat_id bigint NOT NULL,
  locale text NOT NULL,
  topic_id bigint,
  question text NOT NULL,
  last_activity bigint NOT NULL,
  closed boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX handoff_threads_topic ON handoff_threads (topic_id) WHERE topic_id IS NOT NULL;

-- Messages in the staff chat that belong to a user (posted for them, or a staff answer delivered to them).
CREATE TABLE staff_messages (
  staff_chat_id bigint NOT NULL,
  message_id bigint NOT NULL,
  user_id bigint NOT NULL,
  question text NOT NULL,
  answer text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (staff_chat_id, message_id)
);
CREATE INDEX staff_messages_created_at ON staff_messages (created_at);

-- Staff answers to be turned into FAQ entries; data/faq.json changes only through `npm run faq:drafts accept`.
CREATE TABLE faq_drafts (
  id text PRIMARY KEY,
  question text NOT NULL,
  answer text NOT NULL,
  lang text NOT NULL CHECK (lang IN ('zh', 'en')),
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted'))
);

CREATE TABLE subscriptions (
  chat_id bigint NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  locale text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chat_id, country)
);
CREATE INDEX subscriptions_country ON subscriptions (country);

-- A change notice claimed for one chat: the primary key makes it once, whichever replica inserts first.
CREATE TABLE country_notices (
  country text NOT NULL,
  change_key text NOT NULL,
  chat_id bigint NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (country, change_key, chat_id)
);

CREATE TABLE broadcasts (
  id text PRIMARY KEY,
  admin_id bigint NOT NULL,
  admin_chat_id bigint NOT NULL,
  locale text NOT NULL,
  text text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'sending', 'done', 'cancelled')),
  progress_message_id bigint,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Each recipient's state: pending → sending (claimed, never sent again) → sent | blocked | failed.
CREATE TABLE broadcast_recipients (
  broadcast_id text NOT NULL REFERENCES broadcasts (id) ON DELETE CASCADE,
  user_id bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'blocked', 'failed')),
  PRIMARY KEY (broadcast_id, user_id)
);
CREATE INDEX broadcast_recipients_pending ON broadcast_recipients (broadcast_id) WHERE state = 'pending';
