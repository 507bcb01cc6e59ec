package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // the same SQLite driver FerretDB uses
)

// FerretDB 1.24's SQLite backend creates its unique _id index on the expression
// `_ferretdb_sjson->"_id"` but filters with `_ferretdb_sjson->'$._id'`. SQLite only uses an
// expression index for the identical expression, so every find/update by _id scanned the whole
// table (measured by `bench/`: a lookup of a missing _id cost ~75 ms at 2,000 log entries).
// We add an index on the expression the queries use. FerretDB does not know about it, which is
// harmless: it lists and drops indexes from its own metadata, and DROP TABLE removes ours too.
const idLookupExpression = `_ferretdb_sjson->'$._id'`

// maintainIDIndexes indexes every collection table now and then every interval, until ctx ends,
// so collections created later get the index within one interval.
func maintainIDIndexes(ctx context.Context, dataDir string, interval time.Duration, logger *slog.Logger) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		files, _ := filepath.Glob(filepath.Join(dataDir, "*.sqlite"))
		for _, file := range files {
			if err := indexDatabase(ctx, file); err != nil {
				logger.Debug("id index pass failed", "file", file, "error", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func indexDatabase(ctx context.Context, file string) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()

	rows, err := db.QueryContext(ctx, `SELECT table_name FROM _ferretdb_collections`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var table string
		if err := rows.Scan(&table); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, table)
	}
	rows.Close()

	for _, table := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, table+"_id_lookup", table, idLookupExpression)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
