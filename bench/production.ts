/**
 * Imported first by bench/main.tsx and bench/profile.tsx: the libraries that read NODE_ENV when they load (React)
 * load their production builds, as a server runs them. twiml-jsx and the other peers do not
 * read it.
 */
process.env.NODE_ENV = 'production';
