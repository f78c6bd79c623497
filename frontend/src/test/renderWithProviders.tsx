import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";

/**
 * Renders a component as the console would, with a fresh query cache and a
 * router at `path` (opened at `url`, for a query or fragment); other routes
 * render a marker so navigation is visible.
 */
export function renderWithProviders(
  element: ReactElement,
  { path = "/", url = path }: { path?: string; url?: string } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={<CurrentPath />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

function CurrentPath() {
  return <p>Navigated to {useLocation().pathname}</p>;
}
