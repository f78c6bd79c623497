import { useState, type FormEvent } from "react";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useCreateLoadBalancer } from "./loadBalancers";

export function CreateLoadBalancerForm() {
  const [name, setName] = useState("");
  const create = useCreateLoadBalancer();

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name }, { onSuccess: () => setName("") });
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Create load balancer">
      <label>
        Name
        <input
          required
          pattern="[a-z][a-z0-9\-]{0,30}[a-z0-9]"
          title="Lower-case letters, digits and dashes, 2 to 32 characters"
          placeholder="web"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create load balancer"}
      </button>
      <ProblemAlert error={create.error} />
    </form>
  );
}
