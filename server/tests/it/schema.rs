//! The two migration folders must build the same schema: both databases are migrated and their
//! catalogues compared table by table (columns with mapped types and nullability, primary,
//! unique and foreign keys, checks and the columns they name) and index by index. A column,
//! constraint or index added to one dialect only fails here.

use crate::common::{Kind, fresh_database, settings};
use sqlx::Connection;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// Name, type class, NOT NULL; in declaration order.
    columns: Vec<(String, &'static str, bool)>,
    primary_key: Vec<String>,
    /// Column lists of UNIQUE constraints (not of unique indexes, which are in `indexes`).
    uniques: BTreeSet<Vec<String>>,
    /// (columns, referenced table, referenced columns, ON DELETE action).
    foreign_keys: BTreeSet<(Vec<String>, String, Vec<String>, String)>,
    /// The columns each CHECK names.
    checks: BTreeSet<Vec<String>>,
}

#[derive(Debug, PartialEq, Eq)]
struct Index {
    table: String,
    /// Column names, `<expr>` for an expression, with ` DESC` where descending.
    keys: Vec<String>,
    unique: bool,
    partial: bool,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    tables: BTreeMap<String, Table>,
    indexes: BTreeMap<String, Index>,
}

/// The SQLite type a PostgreSQL type is written as in the SQLite dialect (dates and times are
/// ISO-8601 text there). An unmapped type fails the test: add it here on purpose.
fn type_class(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "bigint" | "smallint" | "int" | "int4" | "int8" | "int2" => "integer",
        "text" | "character varying" | "date" | "timestamp with time zone" | "timestamptz" => {
            "text"
        }
        "boolean" | "bool" => "boolean",
        "blob" | "bytea" => "bytes",
        "real" | "double precision" => "real",
        other => panic!("no mapping for column type {other:?}"),
    }
}

fn on_delete(action: &str) -> String {
    match action {
        "a" | "NO ACTION" => "no action",
        "r" | "RESTRICT" => "restrict",
        "c" | "CASCADE" => "cascade",
        "n" | "SET NULL" => "set null",
        "d" | "SET DEFAULT" => "set default",
        other => panic!("unknown ON DELETE action {other:?}"),
    }
    .into()
}

/// An index key as written: the column, or `<expr>`, and whether it is descending.
fn index_key(columns: &[(String, &'static str, bool)], key: &str, desc: bool) -> String {
    let key = key.strip_suffix(" DESC").unwrap_or(key);
    let name = if columns.iter().any(|(c, _, _)| c == key) {
        key.to_string()
    } else {
        "<expr>".to_string()
    };
    if desc { format!("{name} DESC") } else { name }
}

async fn sqlite_schema(url: &str) -> Schema {
    let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut schema = Schema::default();
    for (name, sql) in tables {
        let mut t = Table::default();
        let cols: Vec<(String, String, bool, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid",
        )
        .bind(&name)
        .fetch_all(&mut db)
        .await
        .unwrap();
        let mut pk: Vec<(i64, String)> = Vec::new();
        for (col, ty, not_null, pk_pos) in cols {
            if pk_pos > 0 {
                pk.push((pk_pos, col.clone()));
            }
            // A key column is never NULL (PostgreSQL enforces it; SQLite's rowid does).
            t.columns
                .push((col, type_class(&ty), not_null || pk_pos > 0));
        }
        pk.sort();
        t.primary_key = pk.into_iter().map(|(_, c)| c).collect();

        let indexes: Vec<(String, bool, String, bool)> = sqlx::query_as(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name",
        )
        .bind(&name)
        .fetch_all(&mut db)
        .await
        .unwrap();
        for (index, unique, origin, partial) in indexes {
            let keys: Vec<(Option<String>, bool)> = sqlx::query_as(
                "SELECT name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
            )
            .bind(&index)
            .fetch_all(&mut db)
            .await
            .unwrap();
            let keys: Vec<String> = keys
                .into_iter()
                .map(|(k, desc)| index_key(&t.columns, k.as_deref().unwrap_or("?"), desc))
                .collect();
            match origin.as_str() {
                "pk" => {}
                "u" => {
                    t.uniques.insert(keys);
                }
                _ => {
                    schema.indexes.insert(
                        index,
                        Index {
                            table: name.clone(),
                            keys,
                            unique,
                            partial,
                        },
                    );
                }
            }
        }

        let fks: Vec<(i64, String, String, Option<String>, String)> = sqlx::query_as(
            "SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?) \
             ORDER BY id, seq",
        )
        .bind(&name)
        .fetch_all(&mut db)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, (Vec<String>, String, Vec<String>, String)> = BTreeMap::new();
        for (id, target, from, to, action) in fks {
            let fk = by_id
                .entry(id)
                .or_insert_with(|| (vec![], target.clone(), vec![], on_delete(&action)));
            fk.0.push(from);
            fk.2.extend(to);
        }
        for (_, mut fk) in by_id {
            if fk.2.is_empty() {
                // `REFERENCES t` without columns names t's primary key.
                let key: Vec<(String,)> = sqlx::query_as(
                    "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk",
                )
                .bind(&fk.1)
                .fetch_all(&mut db)
                .await
                .unwrap();
                fk.2 = key.into_iter().map(|(c,)| c).collect();
            }
            t.foreign_keys.insert(fk);
        }

        let columns: Vec<String> = t.columns.iter().map(|c| c.0.clone()).collect();
        t.checks = checks_in(&sql)
            .iter()
            .map(|body| named_columns(body, &columns))
            .collect();
        schema.tables.insert(name, t);
    }
    db.close().await.unwrap();
    schema
}

/// The bodies of the CHECK clauses of a `CREATE TABLE` statement.
fn checks_in(sql: &str) -> Vec<String> {
    let sql = without_literals(sql);
    let upper = sql.to_ascii_uppercase();
    let mut bodies = Vec::new();
    let mut from = 0;
    while let Some(at) = upper[from..].find("CHECK") {
        let start = from + at;
        from = start + 5;
        let word_before = sql[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let rest = sql[from..].trim_start();
        if word_before || !rest.starts_with('(') {
            continue;
        }
        let open = sql.len() - rest.len();
        let mut depth = 0;
        for (i, c) in sql[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        bodies.push(sql[open + 1..open + i].to_string());
                        from = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    bodies
}

/// The SQL with its comments dropped and its string literals emptied, so words inside them are
/// not taken for columns (and an apostrophe in a comment opens no literal).
fn without_literals(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut in_literal = false;
    while let Some(c) = chars.next() {
        if c == '\'' {
            in_literal = !in_literal;
            out.push(c);
        } else if in_literal {
        } else if c == '-' && chars.peek() == Some(&'-') {
            chars.by_ref().take_while(|&c| c != '\n').for_each(drop);
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// The table's columns that `expr` names, sorted.
fn named_columns(expr: &str, columns: &[String]) -> Vec<String> {
    let words: BTreeSet<&str> = expr
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    let mut named: Vec<String> = columns
        .iter()
        .filter(|c| words.contains(c.as_str()))
        .cloned()
        .collect();
    named.sort();
    named
}

/// kind, columns, referenced table, referenced columns, ON DELETE action.
type PgConstraint = (String, Vec<String>, Option<String>, Vec<String>, String);

async fn postgres_schema(url: &str) -> Schema {
    let mut db = sqlx::PgConnection::connect(url).await.unwrap();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition \
         AND c.relname <> '_sqlx_migrations' ORDER BY 1",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut schema = Schema::default();
    for (name,) in tables {
        let mut t = Table::default();
        let cols: Vec<(String, String, bool)> = sqlx::query_as(
            "SELECT a.attname::text, format_type(a.atttypid, NULL), a.attnotnull \
             FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 \
             AND NOT a.attisdropped ORDER BY a.attnum",
        )
        .bind(&name)
        .fetch_all(&mut db)
        .await
        .unwrap();
        t.columns = cols
            .into_iter()
            .map(|(c, ty, not_null)| (c, type_class(&ty), not_null))
            .collect();
        // Every constraint with its columns in key order, and the referenced side.
        let constraints: Vec<PgConstraint> = sqlx::query_as(
            "SELECT k.contype::text, \
                   ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i) \
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n \
                         ORDER BY u.i), \
                   k.confrelid::regclass::text, \
                   ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i) \
                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n \
                         ORDER BY u.i), \
                   k.confdeltype::text \
                 FROM pg_constraint k WHERE k.conrelid = $1::regclass",
        )
        .bind(&name)
        .fetch_all(&mut db)
        .await
        .unwrap();
        for (kind, columns, target, target_columns, action) in constraints {
            match kind.as_str() {
                "p" => t.primary_key = columns,
                "u" => {
                    t.uniques.insert(columns);
                }
                "f" => {
                    t.foreign_keys.insert((
                        columns,
                        target.expect("a referenced table"),
                        target_columns,
                        on_delete(&action),
                    ));
                }
                "c" => {
                    let mut columns = columns;
                    columns.sort();
                    t.checks.insert(columns);
                }
                // NOT NULL constraints are in the columns.
                "n" => {}
                other => panic!("{name}: constraint kind {other} not compared"),
            }
        }
        let indexes: Vec<(String, bool, bool, Vec<String>)> = sqlx::query_as(
            "SELECT i.relname::text, x.indisunique, x.indpred IS NOT NULL, \
               ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) \
                     FROM generate_series(1, x.indnkeyatts) k ORDER BY k) \
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
             WHERE x.indrelid = $1::regclass \
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid \
                             AND k.conrelid = x.indrelid) \
             ORDER BY 1",
        )
        .bind(&name)
        .fetch_all(&mut db)
        .await
        .unwrap();
        for (index, unique, partial, keys) in indexes {
            let keys = keys
                .iter()
                .map(|k| index_key(&t.columns, k, k.ends_with(" DESC")))
                .collect();
            schema.indexes.insert(
                index,
                Index {
                    table: name.clone(),
                    keys,
                    unique,
                    partial,
                },
            );
        }
        schema.tables.insert(name, t);
    }
    db.close().await.unwrap();
    schema
}

async fn migrated(kind: Kind) -> (String, tempfile::TempDir) {
    let (url, dir) = fresh_database(kind).await;
    let store = server::startup::open_store(&settings(&url, dir.path()))
        .await
        .expect("migrate");
    store.close().await;
    (url, dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_migration_folders_build_the_same_schema() {
    let (sqlite_url, _a) = migrated(Kind::Sqlite).await;
    let (pg_url, _b) = migrated(Kind::Postgres).await;
    let sqlite = sqlite_schema(&sqlite_url).await;
    let pg = postgres_schema(&pg_url).await;
    assert_eq!(
        sqlite.tables.keys().collect::<Vec<_>>(),
        pg.tables.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (name, table) in &sqlite.tables {
        assert_eq!(
            table, &pg.tables[name],
            "table {name}: SQLite (left), PostgreSQL (right)"
        );
    }
    assert_eq!(
        sqlite.indexes.keys().collect::<Vec<_>>(),
        pg.indexes.keys().collect::<Vec<_>>(),
        "the same indexes"
    );
    for (name, index) in &sqlite.indexes {
        assert_eq!(
            index, &pg.indexes[name],
            "index {name}: SQLite (left), PostgreSQL (right)"
        );
    }
    // The comparison sees what it must: the schema is not empty on either side.
    assert!(sqlite.tables.len() > 20 && sqlite.indexes.len() > 30);
    assert!(sqlite.tables.values().all(|t| !t.columns.is_empty()));
}

#[test]
fn checks_are_read_from_the_table_statement() {
    let sql = "CREATE TABLE t (a TEXT NOT NULL CHECK (a IN ('b', 'check (c)')), b INTEGER, \n\
               -- a's comment\n c INTEGER, CHECK (b IS NULL OR (c > b)), rechecked INTEGER)";
    let bodies = checks_in(sql);
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    let columns = ["a", "b", "c", "rechecked"].map(String::from);
    assert_eq!(named_columns(&bodies[0], &columns), ["a"]);
    assert_eq!(named_columns(&bodies[1], &columns), ["b", "c"]);
}
