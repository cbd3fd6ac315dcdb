// Define the elements before the first render: Vue sets `.dataSource` as a property only on an
// element that is already defined (on an unknown tag it would write the attribute "[object Object]").
import 'ai-usage-elements/voice-usage.js';
import 'ai-usage-elements/messaging-usage.js';
import { createApp } from 'vue';
import App from './App.vue';
import './page.css';

createApp(App).mount('#app');
