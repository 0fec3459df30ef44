import { mount } from "svelte";
import { createEmbed } from "./state/embed.svelte";
import Embed from "./ui/embed/Embed.svelte";
import "./ui/global.css";

const target = document.getElementById("app");
if (!target) throw new Error("Polymath: #app is missing from embed.html");
const app = createEmbed();
void app.embed.start();
mount(Embed, { target, props: { app } });
