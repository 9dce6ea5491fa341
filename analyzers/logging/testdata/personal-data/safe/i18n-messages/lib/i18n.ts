import en from "../messages/en.json";

export function loadMessages(locale: string) {
  const messages = locale === "en" ? en : {};
  console.log("loaded messages", locale, messages);
  return messages;
}
