// What the client benchmark sends and receives: GET /v2/apps/{appId} and its response body.
export const APP_ID = '5d8cff3cd55b040010928b5b';
export const KEY_ID = 'app_5d8cff3cd55b040010928b5c';
export const SECRET = 'bench-secret-not-a-real-key';
export const APP_BODY = JSON.stringify({
  app: {
    id: APP_ID,
    displayName: 'Bench App',
    settings: {
      appLocalizationEnabled: true,
      echoPostback: false,
      maskCreditCardNumbers: true,
      multiConvoEnabled: false,
      useAnimalNames: false,
    },
    metadata: null,
  },
});
