/** What other features may use of recognition (R25). */
export { giveRecognition, listRecognitions, RECOGNITION_AUTHORS } from './service';
