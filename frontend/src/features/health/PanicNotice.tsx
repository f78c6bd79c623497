/**
 * Says on which nodes the group is in panic mode: too few healthy targets, so those nodes send
 * requests to every target rather than overload the healthy few.
 */
export function PanicNotice({ nodes }: { nodes: string[] }) {
  if (nodes.length === 0) {
    return null;
  }
  return (
    <p role="alert" className="alert">
      Panic mode on {nodes.join(", ")}: too few targets are healthy, so requests are spread over all of them.
    </p>
  );
}
