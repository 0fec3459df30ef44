import { mount } from "svelte";
import { createApp } from "./state/app.svelte";
import App from "./ui/App.svelte";
import "./ui/global.css";

const target = document.getElementById("app");
if (!target) throw new Error("Polymath: #app is missing from index.html");
const app = createApp();
app.start();
mount(App, { target, props: { app } });
