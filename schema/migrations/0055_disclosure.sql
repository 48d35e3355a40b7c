-- 0055: publications of the disclosure portal (信息公开, issue 25 item 5; src/disclosure/,
-- docs/DISCLOSURE.md). One row per draft; the content is a frozen document (canonical JSON) with
-- its SHA-256, built when the draft was made. A slot (county_code, kind, subject) numbers its
-- published versions; publishing supersedes the slot's published row. A withdrawn row keeps its
-- content for the record, but the public sees only the notice (date and reason).

-- owner: disclosure
CREATE TABLE disclosure_publications (
  id              {{ID}},
  county_code     TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('programme', 'funds', 'projects', 'conclusions',
                                                'awards', 'products', 'stations')),
  source_id       BIGINT,
  subject         TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL,
  summary         TEXT NOT NULL DEFAULT '',
  version         INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published',
                                                  'superseded', 'withdrawn')),
  content         TEXT NOT NULL,
  content_sha256  TEXT NOT NULL,
  created_by      BIGINT,
  created_name    TEXT NOT NULL DEFAULT '',
  created_at      BIGINT NOT NULL,
  submitted_by    BIGINT,
  submitted_name  TEXT NOT NULL DEFAULT '',
  submitted_at    BIGINT,
  published_by    BIGINT,
  published_name  TEXT NOT NULL DEFAULT '',
  published_at    BIGINT,
  superseded_by   BIGINT,
  superseded_at   BIGINT,
  withdrawn_by    BIGINT,
  withdrawn_name  TEXT NOT NULL DEFAULT '',
  withdrawn_at    BIGINT,
  withdraw_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX disclosure_publications_slot ON disclosure_publications (county_code, kind, subject,
                                                                      version);
CREATE INDEX disclosure_publications_status ON disclosure_publications (county_code, status);
