/** Plain column headings as header cells, for a header row that may hold other cells too. */
export function HeaderCells({ labels }: { labels: string[] }) {
  return labels.map((label) => (
    <th key={label} scope="col" className="px-3 py-2">
      {label}
    </th>
  ));
}

/** A table's header row of plain column headings. */
export function ColumnHeaders({ labels }: { labels: string[] }) {
  return (
    <thead className="bg-slate-100">
      <tr>
        <HeaderCells labels={labels} />
      </tr>
    </thead>
  );
}
