/** The server's message after a failed admin action, announced to screen readers. */
export function ActionMessage({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
