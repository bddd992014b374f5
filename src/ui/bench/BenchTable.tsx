// The results table, filling row by row. A heading row names the group and backend whenever they
// change; each measured row shows its figures with units, the ratio and what it means, the target
// and whether it was met.
import { Fragment } from 'react';
import { BENCH_GROUPS } from '../../bench/groups';
import type { BenchRow } from '../../bench/types';
import { backendName, formatRatio, formatValue } from './benchFormat';

function groupTitle(id: string): string {
  return BENCH_GROUPS.find((g) => g.id === id)?.title ?? id;
}

function Met({ row }: { row: BenchRow }) {
  if (row.met === undefined) return <span className="bench-met-none">–</span>;
  return row.met ? (
    <span className="bench-met bench-met-yes" aria-label="target met">
      ✓
    </span>
  ) : (
    <span className="bench-met bench-met-no" aria-label="target missed">
      ✗
    </span>
  );
}

function Values({ row }: { row: BenchRow }) {
  return (
    <div className="bench-values">
      {row.values.map((v, i) => (
        <span key={i} className="bench-value">
          <span className="bench-value-label">{v.label}</span> <span className="num">{formatValue(v)}</span>
        </span>
      ))}
      {row.note && <span className="bench-note">{row.note}</span>}
    </div>
  );
}

export function BenchTable({ rows, running }: { rows: readonly BenchRow[]; running: boolean }) {
  if (rows.length === 0) {
    return (
      <p className="caption bench-empty">
        {running ? 'The first row appears when its case has been measured…' : 'No rows yet: choose backends and groups, then Run.'}
      </p>
    );
  }
  return (
    <div className="bench-table-wrap">
      <table className="bench-table" data-testid="bench-table">
        <thead>
          <tr>
            <th scope="col">case</th>
            <th scope="col">backend</th>
            <th scope="col">measured (median)</th>
            <th scope="col" className="bench-col-ratio">
              ratio
            </th>
            <th scope="col">ratio means</th>
            <th scope="col">target</th>
            <th scope="col">met</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const previous = rows[i - 1];
            const newSection = !previous || previous.group !== row.group || previous.backend !== row.backend;
            return (
              <Fragment key={i}>
                {newSection && (
                  <tr className="bench-section">
                    <th colSpan={7} scope="colgroup">
                      {groupTitle(row.group)}{' '}
                      <span className="bench-section-meta">
                        · {backendName(row.backend)} · {row.group}
                      </span>
                    </th>
                  </tr>
                )}
                <tr
                  data-testid="bench-row"
                  data-group={row.group}
                  data-backend={row.backend}
                  className={row.values.length === 0 ? 'bench-row-unmeasured' : undefined}
                >
                  <td className="bench-case">{row.label}</td>
                  <td>{backendName(row.backend)}</td>
                  <td>
                    <Values row={row} />
                  </td>
                  <td className="bench-col-ratio num">{formatRatio(row.ratio)}</td>
                  <td className="bench-meaning">{row.ratioMeaning ?? ''}</td>
                  <td className="num bench-target">{row.target ?? ''}</td>
                  <td>
                    <Met row={row} />
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
