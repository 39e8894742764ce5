/** @jsxImportSource preact */
/** The dev phone's page: mounted into the server's index.html. */
import { render } from 'preact';
import { App } from './app.js';
import './style.css';

render(<App />, document.getElementById('app')!);
