import { ROLES, type Role } from "./users";

export function RoleSelect({
  value,
  label,
  disabled = false,
  onChange,
}: {
  value: Role;
  label?: string;
  disabled?: boolean;
  onChange: (role: Role) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role.value} value={role.value}>
          {role.label}
        </option>
      ))}
    </select>
  );
}
