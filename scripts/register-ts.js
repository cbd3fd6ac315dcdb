// Lets Node-side config import the TypeScript demo backend (the same generator the elements' tests use).
import { register } from 'tsx/esm/api';

register();
