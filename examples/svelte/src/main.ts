// Define the elements before the first render, so Svelte sets `dataSource` as a property.
import 'ai-usage-elements/voice-usage.js';
import 'ai-usage-elements/messaging-usage.js';
import { mount } from 'svelte';
import App from './App.svelte';
import './page.css';

mount(App, { target: document.getElementById('app')! });
