import type { Migration } from './migration'

export const migration001: Migration = {
  version: 1,
  description: 'core records: sources, entities, rounds, designations, reactions, provenance',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE origins (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('default-dataset', 'bundle', 'import')),
        label TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        publication TEXT NOT NULL CHECK (length(trim(publication)) > 0),
        title TEXT,
        date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        url TEXT CHECK (url IS NULL OR url GLOB 'http*://*'),
        reliability TEXT NOT NULL CHECK (reliability IN ('primary', 'secondary', 'single')),
        note TEXT,
        origin_id INTEGER NOT NULL REFERENCES origins(id)
      ) STRICT;

      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        primary_name TEXT NOT NULL CHECK (length(trim(primary_name)) > 0),
        original_name TEXT,
        original_name_note TEXT,
        type TEXT NOT NULL CHECK (type IN ('company', 'government body', 'research institute', 'university', 'person', 'other')),
        country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
        notes TEXT,
        origin_id INTEGER NOT NULL REFERENCES origins(id)
      ) STRICT;

      CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
        PRIMARY KEY (entity_id, position)
      ) STRICT;

      CREATE TABLE entity_addresses (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        address TEXT NOT NULL,
        PRIMARY KEY (entity_id, position)
      ) STRICT;

      CREATE TABLE entity_sectors (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        sector TEXT NOT NULL,
        PRIMARY KEY (entity_id, sector)
      ) STRICT;
      CREATE INDEX entity_sectors_by_sector ON entity_sectors(sector);

      CREATE TABLE entity_sources (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        supports TEXT,
        PRIMARY KEY (entity_id, position)
      ) STRICT;

      CREATE TABLE rounds (
        id TEXT PRIMARY KEY,
        list_name TEXT NOT NULL CHECK (length(trim(list_name)) > 0),
        title TEXT,
        fr_doc_number TEXT,
        docket TEXT,
        rin TEXT,
        announced_date TEXT CHECK (announced_date IS NULL OR announced_date GLOB '[0-9][0-9][0-9][0-9]' OR announced_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR announced_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        published_date TEXT CHECK (published_date IS NULL OR published_date GLOB '[0-9][0-9][0-9][0-9]' OR published_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR published_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        effective_date TEXT CHECK (effective_date IS NULL OR effective_date GLOB '[0-9][0-9][0-9][0-9]' OR effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        basis TEXT,
        declared_count INTEGER CHECK (declared_count IS NULL OR declared_count >= 0),
        notes TEXT,
        origin_id INTEGER NOT NULL REFERENCES origins(id)
      ) STRICT;

      CREATE TABLE round_citations (
        round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        citation TEXT NOT NULL,
        PRIMARY KEY (round_id, position)
      ) STRICT;

      CREATE TABLE round_sources (
        round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        supports TEXT,
        PRIMARY KEY (round_id, position)
      ) STRICT;

      CREATE TABLE designations (
        id TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('added', 'modified', 'removed')),
        action_date TEXT CHECK (action_date IS NULL OR action_date GLOB '[0-9][0-9][0-9][0-9]' OR action_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR action_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        license_requirement TEXT,
        license_policy TEXT,
        citation TEXT,
        source_id TEXT REFERENCES sources(id),
        origin_id INTEGER NOT NULL REFERENCES origins(id),
        UNIQUE (entity_id, round_id, action)
      ) STRICT;
      CREATE INDEX designations_by_round ON designations(round_id);

      CREATE TABLE reactions (
        id TEXT PRIMARY KEY,
        speaker TEXT,
        speaker_role TEXT,
        organisation TEXT,
        organisation_kind TEXT NOT NULL CHECK (organisation_kind IN ('government', 'company', 'analyst', 'industry group', 'media', 'other')),
        stance TEXT CHECK (stance IS NULL OR stance IN ('opposes', 'supports', 'neutral', 'mixed')),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        text_kind TEXT NOT NULL CHECK (text_kind IN ('verbatim', 'paraphrase')),
        context TEXT,
        language TEXT NOT NULL,
        date_said TEXT CHECK (date_said IS NULL OR date_said GLOB '[0-9][0-9][0-9][0-9]' OR date_said GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR date_said GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        notes TEXT,
        source_id TEXT NOT NULL REFERENCES sources(id),
        origin_id INTEGER NOT NULL REFERENCES origins(id)
      ) STRICT;

      CREATE TABLE reaction_rounds (
        reaction_id TEXT NOT NULL REFERENCES reactions(id) ON DELETE CASCADE,
        round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        PRIMARY KEY (reaction_id, round_id)
      ) STRICT;
      CREATE INDEX reaction_rounds_by_round ON reaction_rounds(round_id);

      CREATE TABLE reaction_entities (
        reaction_id TEXT NOT NULL REFERENCES reactions(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (reaction_id, entity_id)
      ) STRICT;
      CREATE INDEX reaction_entities_by_entity ON reaction_entities(entity_id);
    `)
  },
}
