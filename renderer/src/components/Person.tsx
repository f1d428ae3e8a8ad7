import { usePeople } from '../api/people';

/** A person by display name, the login name on hover (`李会计`, title `li`). */
export function Person({ name }: { name: string | null | undefined }): React.JSX.Element {
  const person = usePeople();
  const shown = person(name);
  return (
    <span title={name && shown !== name ? name : undefined} data-person={name ?? undefined}>
      {shown}
    </span>
  );
}
