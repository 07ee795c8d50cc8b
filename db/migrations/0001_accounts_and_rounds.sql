-- Integra's store: who may do what, and a round's way from a municipality to
-- the public observatory. Nothing here is ever updated in place but the
-- current state of a round (rounds.state, rounds.latest_version,
-- rounds.published_version), which the events table records step by step.

CREATE TABLE users (
	id bigserial PRIMARY KEY,
	email text NOT NULL UNIQUE CHECK (email = lower(email) AND email LIKE '%_@_%'),
	name text NOT NULL DEFAULT '',
	role text NOT NULL CHECK (role IN ('admin', 'uim', 'official', 'analyst')),
	-- the districts an official answers for (empty for every other role)
	ubigeos text[] NOT NULL DEFAULT '{}',
	password_hash text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	disabled_at timestamptz
);

-- Only a hash of the token is stored: a copy of the database opens no session.
CREATE TABLE sessions (
	token_hash text PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES users (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	last_seen_at timestamptz NOT NULL DEFAULT now(),
	ended_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-ins per account ('email:…') and per address ('ip:…').
CREATE TABLE sign_in_failures (
	key text PRIMARY KEY,
	failures integer NOT NULL,
	last_failure_at timestamptz NOT NULL
);

CREATE TABLE rounds (
	ubigeo text NOT NULL CHECK (ubigeo ~ '^[0-9]{6}$'),
	round text NOT NULL CHECK (round ~ '^[0-9]{4}(-S[12])?$'),
	state text NOT NULL CHECK (state IN ('submitted', 'returned', 'validated', 'published')),
	latest_version integer NOT NULL,
	-- the version the public observatory shows (null until one is published)
	published_version integer,
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (ubigeo, round)
);

-- A submitted version is immutable.
CREATE TABLE round_versions (
	ubigeo text NOT NULL,
	round text NOT NULL,
	version integer NOT NULL CHECK (version > 0),
	submitted_by bigint REFERENCES users (id),
	submitted_at timestamptz NOT NULL,
	PRIMARY KEY (ubigeo, round, version),
	FOREIGN KEY (ubigeo, round) REFERENCES rounds (ubigeo, round)
);

CREATE TABLE round_answers (
	ubigeo text NOT NULL,
	round text NOT NULL,
	version integer NOT NULL,
	indicator_id text NOT NULL,
	answer text NOT NULL,
	evidence text,
	source_url text,
	updated_at timestamptz,
	PRIMARY KEY (ubigeo, round, version, indicator_id),
	FOREIGN KEY (ubigeo, round, version) REFERENCES round_versions (ubigeo, round, version)
);

-- Every state change of a round: submitted, returned, validated, published.
CREATE TABLE round_events (
	id bigserial PRIMARY KEY,
	ubigeo text NOT NULL,
	round text NOT NULL,
	version integer NOT NULL,
	action text NOT NULL CHECK (action IN ('submitted', 'returned', 'validated', 'published')),
	actor_id bigint REFERENCES users (id),
	at timestamptz NOT NULL,
	publication_id bigint,
	FOREIGN KEY (ubigeo, round, version) REFERENCES round_versions (ubigeo, round, version)
);
CREATE INDEX round_events_round ON round_events (ubigeo, round);

CREATE TABLE round_comments (
	id bigserial PRIMARY KEY,
	ubigeo text NOT NULL,
	round text NOT NULL,
	version integer NOT NULL,
	indicator_id text NOT NULL,
	text text NOT NULL,
	author_id bigint REFERENCES users (id),
	at timestamptz NOT NULL,
	FOREIGN KEY (ubigeo, round, version) REFERENCES round_versions (ubigeo, round, version)
);

-- One row per "Publicar": the published datasets change only here.
CREATE TABLE publications (
	id bigserial PRIMARY KEY,
	published_by bigint REFERENCES users (id),
	published_at timestamptz NOT NULL
);

-- Who did what, when; readable by admins. Never a password or a token.
CREATE TABLE audit_log (
	id bigserial PRIMARY KEY,
	at timestamptz NOT NULL,
	actor_id bigint REFERENCES users (id),
	action text NOT NULL,
	target text NOT NULL,
	detail text NOT NULL DEFAULT ''
);
