import { auth } from "@/auth";

export default async function Weather() {
  const session = await auth();
  const res = await fetch("https://api.weather.example/v1/today?city=berlin", {
    headers: { Authorization: `Bearer ${process.env.WEATHER_API_KEY}` },
    cache: "force-cache",
  });
  const data = await res.json();
  return <p>Hi {session?.user?.name}, it is {data.temp}°C</p>;
}
