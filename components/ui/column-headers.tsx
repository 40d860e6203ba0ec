/** A table's header row of plain column headings. */
export function ColumnHeaders({ labels }: { labels: string[] }) {
  return (
    <thead className="bg-slate-100">
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className="px-3 py-2">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
