import { google } from "googleapis";

export async function listAll(auth: InstanceType<typeof google.auth.OAuth2>) {
  const drive = google.drive({ version: "v3", auth });
  let nextPageToken: string | undefined;
  do {
    const res = await drive.files.list({ pageToken: nextPageToken, pageSize: 100 });
    nextPageToken = res.data.nextPageToken ?? undefined;
    console.log("fetched page", res.data.files?.length, "next", nextPageToken);
  } while (nextPageToken);
}
