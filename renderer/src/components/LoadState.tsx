import { Alert, Spin } from 'antd';

/**
 * What a view shows until its data is there (`useLoad`): the load's refusal in the user's words, else
 * a spinner; nothing once the data is loaded.
 */
export function LoadState({ loaded, testId }: { loaded: { data: unknown; error: string | null }; testId?: string }): React.JSX.Element | null {
  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} data-testid={testId} />;
  if (loaded.data === null) return <Spin />;
  return null;
}
