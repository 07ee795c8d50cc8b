-- Action plans and activity logs on the server (issue 13 §3): an official's
-- changes to the district's action plan and a UIM assistant's logged
-- activities, with the columns of actions.csv and activities.csv (see
-- docs/data-contract.md), the id the device made, who and when. Nothing here
-- is updated in place but action_items.latest_version; every change of an
-- action is a new row of action_item_versions. Additive only.

-- One row per action ever sent; its current content is its latest version.
-- action_id is the contract's key of actions.csv: one id, one district.
CREATE TABLE action_items (
	action_id text PRIMARY KEY CHECK (length(action_id) BETWEEN 1 AND 200),
	ubigeo text NOT NULL CHECK (ubigeo ~ '^[0-9]{6}$'),
	latest_version integer NOT NULL CHECK (latest_version > 0),
	created_by bigint REFERENCES users (id),
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX action_items_ubigeo ON action_items (ubigeo);

-- Every change of an action, immutable: the whole row as it was saved.
CREATE TABLE action_item_versions (
	action_id text NOT NULL REFERENCES action_items (action_id),
	version integer NOT NULL CHECK (version > 0),
	ubigeo text NOT NULL,
	indicator_id text,
	description text NOT NULL,
	responsible text,
	due_date date,
	status text NOT NULL CHECK (status IN ('pendiente', 'en_curso', 'completada', 'cancelada')),
	completed_on date,
	saved_by bigint REFERENCES users (id),
	saved_at timestamptz NOT NULL,
	PRIMARY KEY (action_id, version)
);

-- Activities logged by the UIM, as activities.csv has them; activity_id is
-- the id the device made (a repeated send stores nothing new).
CREATE TABLE logged_activities (
	activity_id text PRIMARY KEY CHECK (length(activity_id) BETWEEN 1 AND 200),
	date date NOT NULL,
	ubigeo text NOT NULL CHECK (ubigeo ~ '^[0-9]{6}$'),
	type text NOT NULL,
	audience text NOT NULL,
	topic text NOT NULL,
	modality text NOT NULL,
	participants_total integer NOT NULL CHECK (participants_total >= 0),
	participants_women integer CHECK (participants_women >= 0),
	participants_men integer CHECK (participants_men >= 0),
	participants_migrants integer CHECK (participants_migrants >= 0),
	partner text,
	logged_by bigint REFERENCES users (id),
	logged_at timestamptz NOT NULL
);
CREATE INDEX logged_activities_ubigeo ON logged_activities (ubigeo);
CREATE INDEX logged_activities_logged_at ON logged_activities (logged_at);
