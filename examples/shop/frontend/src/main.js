const app = document.querySelector("#app");

fetch("/api/orders")
  .then((response) => response.json())
  .then((orders) => {
    app.textContent = `${orders.length} orders`;
  });

const socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws/orders`);
socket.addEventListener("message", (event) => console.log("order update", event.data));
