import { Notice } from "./notice";

export function Forbidden({ message }: { message: string }) {
  return (
    <Notice tone="error" title="You do not have access to this page">
      <p>{message}</p>
    </Notice>
  );
}
