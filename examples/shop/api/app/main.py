from fastapi import FastAPI, WebSocket

app = FastAPI(title="shop-api")


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}


@app.get("/api/orders")
def list_orders() -> list:
    return []


@app.websocket("/ws/orders")
async def order_updates(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_json({"type": "hello"})
    await websocket.close()
