import { auth } from '@/app/(auth)/auth'
import { deleteChatById, getChatById } from '@/lib/db/queries'

export async function DELETE(request: Request) {
  const { searchParams } = new URL(request.url)
  const id = searchParams.get('id')
  if (!id) return new Response('Not Found', { status: 404 })

  const session = await auth()
  if (!session || !session.user) return new Response('Unauthorized', { status: 401 })

  try {
    await deleteChatById({ id }) // want client-trust/unchecked-resource-id
    return new Response('Chat deleted', { status: 200 })
  } catch (error) {
    return new Response('An error occurred while processing your request', { status: 500 })
  }
}
