import { Navigate, Outlet, useLocation, type Location } from 'react-router';
import { useAuth } from '../hooks/useAuth';

interface FromState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

/** Where to go after signing in: the protected page that sent the visitor to /login, else the dashboard. */
export function returnPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  if (!from?.pathname || from.pathname === '/login' || from.pathname === '/register') return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

/** Protected routes: anonymous visitors go to /login and come back afterwards. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status !== 'authenticated') {
    return <Navigate to="/login" replace state={{ from: location }} />;
  }
  return <Outlet />;
}

/** Sign-in / registration: a signed-in visitor is sent on to where they were going. */
export function PublicOnly() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') {
    return <Navigate to={returnPath(location.state)} replace />;
  }
  return <Outlet />;
}
