import type { OrgMetaFieldsFragment } from './gql/graphql';

/** An org meta's tags, read-only. */
export function TagTable({ tags }: { tags: OrgMetaFieldsFragment['tags'] }) {
  if (tags.length === 0) return <p>No tags.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Key</th>
          <th>Data type</th>
          <th>Description</th>
          <th>Mandatory</th>
        </tr>
      </thead>
      <tbody>
        {tags.map((tag) => (
          <tr key={tag.key}>
            <td>{tag.key}</td>
            <td>{tag.dataType}</td>
            <td>{tag.description ?? ''}</td>
            <td>{tag.mandatory === null ? '' : tag.mandatory ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
