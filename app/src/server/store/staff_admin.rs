//! Staff accounts for the administrator: users holding a staff role (helpdesk, reviewer,
//! administrator), enabling and disabling them, and replacing their staff roles, each change
//! written with its audit event in one transaction. Citizen and employer grants are never
//! touched here; who may change what is decided in services::staff_admin.

use super::audit::insert_audit;
use super::roster::contains_pattern;
use super::{AuditEvent, Backend, Db, OfficeRecord, RoleGrant, Store, StoreError, on_pool};
use crate::models::auth::Role;
use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

const STAFF_ROLES_SQL: &str = "('helpdesk', 'reviewer', 'admin')";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffUserRow {
    pub id: i64,
    pub username: Option<String>,
    pub display_name: String,
    pub disabled: bool,
    pub two_factor: bool,
    pub created_at: DateTime<Utc>,
}

/// A staff role of a user, with the reviewer's office.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffGrantRow {
    pub user_id: i64,
    pub role: Role,
    pub office_id: Option<i64>,
    pub office_zh: Option<String>,
    pub office_en: Option<String>,
}

/// Which staff users to list: holding one staff role, and whose user name or display name
/// contains a fragment (ASCII letters in any case).
#[derive(Debug, Clone, Default)]
pub struct StaffSearch {
    pub role: Option<&'static str>,
    pub text: Option<String>,
}

const STAFF_USER_COLUMNS: &str = "SELECT u.id, u.username, u.display_name, u.disabled, \
     u.totp_secret IS NOT NULL AS two_factor, u.created_at FROM users u";

impl Store {
    /// A text column compared byte by byte on both backends: PostgreSQL's default collation
    /// would lower-case and order non-ASCII letters, which SQLite never does.
    fn bytewise(&self, column: &str) -> String {
        match self.backend() {
            Backend::Sqlite => column.to_string(),
            Backend::Postgres => format!("{column} COLLATE \"C\""),
        }
    }

    /// One page of staff users by user name, and how many match in all.
    pub async fn staff_users(
        &self,
        search: &StaffSearch,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<StaffUserRow>, i64), StoreError> {
        fn push_where<'a, DB: sqlx::Database>(
            qb: &mut QueryBuilder<'a, DB>,
            search: &StaffSearch,
            folded: &[String; 2],
        ) where
            String: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
        {
            qb.push(format!(
                " WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN {STAFF_ROLES_SQL}"
            ));
            if let Some(role) = search.role {
                qb.push(" AND r.role = ").push_bind(role.to_string());
            }
            qb.push(")");
            if let Some(text) = &search.text {
                // ASCII only, as both databases' LOWER() on byte-wise text.
                let pattern = contains_pattern(&text.to_ascii_lowercase());
                qb.push(format!(" AND ({} LIKE ", folded[0]))
                    .push_bind(pattern.clone())
                    .push(format!(" ESCAPE '\\' OR {} LIKE ", folded[1]))
                    .push_bind(pattern)
                    .push(" ESCAPE '\\')");
            }
        }
        let folded = [
            format!("LOWER({})", self.bytewise("u.username")),
            format!("LOWER({})", self.bytewise("u.display_name")),
        ];
        let order = self.bytewise("u.username");
        Ok(on_pool!(self, pool => {
            let mut count = QueryBuilder::new("SELECT COUNT(*) FROM users u");
            push_where(&mut count, search, &folded);
            let total: i64 = count.build_query_scalar().fetch_one(pool).await?;
            let mut qb = QueryBuilder::new(STAFF_USER_COLUMNS);
            push_where(&mut qb, search, &folded);
            qb.push(format!(" ORDER BY {order}, u.id LIMIT ")).push_bind(limit).push(" OFFSET ").push_bind(offset);
            let rows: Vec<StaffUserRow> = qb.build_query_as().fetch_all(pool).await?;
            (rows, total)
        }))
    }

    /// A user holding a staff role; None for anyone else.
    pub async fn staff_user(&self, user_id: i64) -> Result<Option<StaffUserRow>, StoreError> {
        let sql = format!(
            "{STAFF_USER_COLUMNS} WHERE u.id = $1 AND EXISTS \
             (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role IN {STAFF_ROLES_SQL})"
        );
        Ok(on_pool!(self, pool => sqlx::query_as(&sql).bind(user_id).fetch_optional(pool).await?))
    }

    /// The staff roles of the given users, with the reviewers' offices.
    pub async fn staff_grants(&self, user_ids: &[i64]) -> Result<Vec<StaffGrantRow>, StoreError> {
        if user_ids.is_empty() {
            return Ok(Vec::new());
        }
        Ok(on_pool!(self, pool => {
            let mut qb = QueryBuilder::new(format!(
                "SELECT r.user_id, r.role, r.office_id, o.name_zh AS office_zh, o.name_en AS office_en \
                 FROM user_roles r LEFT JOIN offices o ON o.id = r.office_id \
                 WHERE r.role IN {STAFF_ROLES_SQL} AND r.user_id IN ("
            ));
            let mut ids = qb.separated(", ");
            for id in user_ids {
                ids.push_bind(*id);
            }
            qb.push(") ORDER BY r.user_id, r.role");
            qb.build_query_as().fetch_all(pool).await?
        }))
    }

    /// Disables or enables a user. Disabling also ends every session of theirs; returns the
    /// assisted sessions those sessions carried, for the caller to close.
    pub async fn set_user_disabled(
        &self,
        user_id: i64,
        disabled: bool,
        event: &AuditEvent<'_>,
    ) -> Result<Vec<i64>, StoreError> {
        Ok(on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE users SET disabled = $2 WHERE id = $1")
                .bind(user_id).bind(disabled).execute(&mut *tx).await?;
            let assisted: Vec<i64> = if disabled {
                let ids = sqlx::query_scalar(
                    "SELECT assisted_session_id FROM sessions WHERE user_id = $1 AND assisted_session_id IS NOT NULL",
                ).bind(user_id).fetch_all(&mut *tx).await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
                ids
            } else {
                Vec::new()
            };
            insert_audit!(&mut *tx, event)?;
            tx.commit().await?;
            assisted
        }))
    }

    /// Replaces a user's staff roles by `grants` (staff roles only); other grants stay.
    pub async fn replace_staff_roles(
        &self,
        user_id: i64,
        grants: &[RoleGrant],
        event: &AuditEvent<'_>,
    ) -> Result<(), StoreError> {
        let delete =
            format!("DELETE FROM user_roles WHERE user_id = $1 AND role IN {STAFF_ROLES_SQL}");
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            sqlx::query(&delete).bind(user_id).execute(&mut *tx).await?;
            for g in grants {
                sqlx::query("INSERT INTO user_roles (user_id, role, employer_id, office_id) VALUES ($1, $2, NULL, $3)")
                    .bind(user_id).bind(g.role.code()).bind(g.office_id)
                    .execute(&mut *tx).await?;
            }
            insert_audit!(&mut *tx, event)?;
            tx.commit().await?;
        });
        Ok(())
    }

    pub async fn offices(&self) -> Result<Vec<OfficeRecord>, StoreError> {
        Ok(on_pool!(self, pool => sqlx::query_as(
            "SELECT id, region_code, agency, name_zh, name_en, data_as_of FROM offices ORDER BY region_code, agency",
        ).fetch_all(pool).await?))
    }
}
