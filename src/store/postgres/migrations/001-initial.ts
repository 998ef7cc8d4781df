/** The first schema: installations (encrypted), the duplicate drop, card states and chart file ids. */
export const sql = `
CREATE TABLE allycomp_installations (
  install_key   text        NOT NULL,
  user_id       text        NOT NULL,
  team_id       text,
  enterprise_id text,
  sealed        text        NOT NULL,
  key_id        text        NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (install_key, user_id)
);

CREATE TABLE allycomp_claims (
  key_hash   bytea       PRIMARY KEY CHECK (octet_length(key_hash) = 32),
  expires_at timestamptz NOT NULL
);
CREATE INDEX allycomp_claims_expires_at ON allycomp_claims (expires_at);

CREATE TABLE allycomp_card_states (
  key_hash   bytea       PRIMARY KEY CHECK (octet_length(key_hash) = 32),
  state      jsonb       NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX allycomp_card_states_expires_at ON allycomp_card_states (expires_at);

CREATE TABLE allycomp_chart_files (
  team_id    text        NOT NULL,
  chart      text        NOT NULL,
  version    text        NOT NULL,
  file_id    text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, chart, version)
);
`;
